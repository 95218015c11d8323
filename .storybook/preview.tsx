import type { Decorator, Preview } from '@storybook/react-vite';
import { useEffect, type ReactNode } from 'react';
import 'presence-kit/styles.css';
import { docgenTable } from './docgenTable.js';
import './preview.css';

type Theme = 'light' | 'dark';

/**
 * Forces the kit's light or dark theme through `data-theme` on the root element, the same switch
 * an app uses; the CSS variables do the rest.
 */
function ThemeRoot({ theme, children }: { theme: Theme; children: ReactNode }): ReactNode {
  useEffect(() => {
    const root = document.documentElement;
    root.dataset['theme'] = theme;
    return () => {
      delete root.dataset['theme'];
    };
  }, [theme]);
  return children;
}

const withTheme: Decorator = (Story, context) => (
  <ThemeRoot theme={context.globals['theme'] === 'dark' ? 'dark' : 'light'}>
    <Story />
  </ThemeRoot>
);

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  argTypesEnhancers: [docgenTable],
  globalTypes: {
    theme: {
      description: 'Colour theme (sets data-theme on <html>)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is also an accessibility test: an axe violation fails it.
    a11y: { test: 'error' },
  },
};

export default preview;
