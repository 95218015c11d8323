import type { Page } from 'playwright-core';

/** The kit's ConnectionStatus in the header. */
export const connection = (page: Page) => page.locator('.pk-connection');
/** Someone's avatar in the OnlineAvatars stack, by display name. */
export const avatar = (page: Page, name: string) =>
  page.locator('.pk-avatars__item').filter({ hasText: name });
/** Every avatar in the stack. */
export const avatars = (page: Page) => page.locator('.pk-avatars__item');
/** The TypingIndicator under the chat. */
export const typing = (page: Page) =>
  page.getByRole('region', { name: 'Chat' }).locator('.pk-typing');
/** A mic seat button by its accessible name, e.g. "Seat 2, Alice". */
export const seat = (page: Page, number: number, name: string) =>
  page.getByRole('button', { name: new RegExp(`^Seat ${number}, ${name}\\b`) });
/** Event-log rows about `userId` of one event type. */
export const events = (page: Page, userId: string, type: string) =>
  page.getByRole('log').getByRole('listitem').filter({ hasText: userId }).filter({ hasText: type });
/** Someone's live cursor on the whiteboard, by display name. */
export const cursorOf = (page: Page, name: string) =>
  page.locator('.pk-live-cursors .pk-cursor').filter({ hasText: name });
