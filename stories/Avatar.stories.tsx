import type { Meta, StoryObj } from '@storybook/react-vite';
import { resolveProfile } from 'presence-kit';
import { Avatar } from 'presence-kit/components';
import type { CSSProperties, ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';

/** What a story sets: the raw (untrusted) profile fields an occupant's state would carry. */
interface Args {
  name: string;
  avatar: string;
  color: string;
  /** `--pk-avatar-size` in px. */
  size: number;
  /** `avatarOrigins`: the only origins an image may come from (comma-separated; empty = any https). */
  origins: string;
}

/** One avatar as the components draw it: the raw fields go through `resolveProfile` first. */
function AvatarFrom({ name, avatar, color, size, origins }: Args): ReactNode {
  const allowed = origins
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const profile = resolveProfile(
    { userId: 'story-user', state: { name, avatar, color } },
    undefined,
    allowed.length === 0 ? {} : { avatarOrigins: allowed },
  );
  const style = { '--pk-avatar-size': `${size}px` } as CSSProperties;
  // Avatar is decorative: the name beside it is the text people (and screen readers) read.
  return (
    <figure className="story-row" style={style}>
      <Avatar profile={profile} />
      <figcaption>{profile.name}</figcaption>
    </figure>
  );
}

const meta: Meta<Args> = {
  title: 'Components/Avatar',
  component: AvatarFrom,
  // AvatarFrom lives in this file, so docgen reads no props: each control says what it feeds.
  argTypes: {
    name: { description: "The occupant's raw `name` (sanitised: initials and text)" },
    avatar: {
      description: "The occupant's raw `avatar` URL: only `https:` (and allowed origins) is drawn",
    },
    color: {
      description: "The occupant's raw `color`: a plain hex, or one derived from the user id",
    },
    size: {
      description: '`--pk-avatar-size` in px',
      control: { type: 'range', min: 16, max: 96, step: 4 },
    },
    origins: {
      description: '`avatarOrigins`, comma-separated: where an image may come from (empty: any)',
    },
  },
  args: { name: 'Ada Lovelace', avatar: '', color: '#6d28d9', size: 48, origins: '' },
  parameters: {
    docs: {
      description: {
        component:
          'The picture every component draws: an `https:` image, or initials on the user’s colour ' +
          '(a stable one derived from the user id when the colour is missing or not a plain hex). ' +
          'Decorative (`aria-hidden`), so put the name in the text around it. Exported for teams ' +
          'that build their own lists; it takes a profile from `resolveProfile`, which makes ' +
          'remote fields safe.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<Args>;

const avatarIn = (canvasElement: HTMLElement): HTMLElement => {
  const avatar = canvasElement.querySelector<HTMLElement>('.pk-avatar');
  if (avatar === null) throw new Error('no avatar rendered');
  return avatar;
};

/** Initials on the chosen colour, with black or white text, whichever reads better. */
export const Initials: Story = {
  play: async ({ canvasElement }) => {
    const avatar = avatarIn(canvasElement);
    await expect(avatar).toHaveAttribute('data-initials', 'AL');
    await expect(avatar).toHaveAttribute('aria-hidden', 'true');
    await expect(avatar.style.background).toContain('rgb(109, 40, 217)');
  },
};

/** No colour given: one derived from the user id, the same on every client. */
export const StableColour: Story = {
  args: { name: 'grace', color: '' },
  play: async ({ canvasElement }) => {
    const avatar = avatarIn(canvasElement);
    await expect(avatar).toHaveAttribute('data-initials', 'G');
    await expect(avatar.style.background).not.toBe('');
  },
};

/** An image that cannot load (this host never resolves) falls back to the initials. */
export const BrokenImage: Story = {
  args: { name: 'Bob Stone', avatar: 'https://avatars.invalid/bob.png' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(avatarIn(canvasElement).querySelector('img')).toBeNull(), {
      timeout: 15_000,
    });
    await expect(avatarIn(canvasElement)).toHaveAttribute('data-initials', 'BS');
  },
};

/**
 * Hostile fields render inert: a `javascript:` URL is never an image, a CSS `url()` is never a
 * colour, and bidi or control characters are stripped from the name.
 */
export const HostileInput: Story = {
  args: {
    name: '\u202Eexe.gnp\u0000 Mallory',
    avatar: 'javascript:alert(1)',
    color: 'url(https://tracker.invalid/x)',
  },
  play: async ({ canvasElement }) => {
    const avatar = avatarIn(canvasElement);
    await expect(avatar.querySelector('img')).toBeNull();
    await expect(avatar.style.background).not.toContain('url');
    const caption = within(canvasElement).getByText(/Mallory/);
    await expect(caption.textContent).not.toContain('\u202E');
    await expect(caption.textContent).not.toContain('\u0000');
  },
};

/** With an origin allowlist, an `https:` image from anywhere else shows initials instead. */
export const OutsideTheAllowlist: Story = {
  args: {
    name: 'Eve Park',
    avatar: 'https://elsewhere.invalid/eve.png',
    origins: 'https://cdn.example.com',
  },
  play: async ({ canvasElement }) => {
    const avatar = avatarIn(canvasElement);
    await expect(avatar.querySelector('img')).toBeNull();
    await expect(avatar).toHaveAttribute('data-initials', 'EP');
  },
};
