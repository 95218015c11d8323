/**
 * The state a simulated user announces, by the kit's profile convention: `name`, `color`
 * (`#rrggbb`; left out for crowd users, so components derive one from the user id) and `status`
 * (`available`, `busy`, or `away` as `useIdle` sets it), plus a `team`, an app field for lists
 * to show. Strings only, as all presence state.
 */
export type BotState = Record<string, string>;

const FIRST_NAMES = [
  'Ada',
  'Bo',
  'Chen',
  'Dara',
  'Eli',
  'Farah',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  'Kai',
  'Lea',
  'Mo',
  'Nia',
  'Omar',
  'Pia',
  'Quinn',
  'Ravi',
  'Sol',
  'Tae',
  'Uma',
  'Vik',
  'Wen',
  'Xia',
  'Yara',
  'Zed',
] as const;

// Mid-tone colours: with the kit's black-or-white initials each reads at WCAG AA.
const COLORS = [
  '#0369a1',
  '#b91c1c',
  '#15803d',
  '#7e22ce',
  '#c2410c',
  '#0f766e',
  '#be185d',
  '#4d7c0f',
] as const;

const TEAMS = ['Design', 'Engineering', 'Product', 'Research', 'Support'] as const;

/** How {@link botProfile} names and colours a user. */
export interface BotProfileOptions {
  /** User id prefix. @default 'sim' */
  prefix?: string;
  /** Give the user one of the palette's colours. @default true */
  color?: boolean;
}

/** A stable, data-free profile for the simulated user at `index` (initials, never an image). */
export function botProfile(
  index: number,
  { prefix = 'sim', color = true }: BotProfileOptions = {},
): { userId: string; state: BotState } {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Bot';
  const round = Math.floor(index / FIRST_NAMES.length);
  const name = round === 0 ? first : `${first} ${round + 1}`;
  const state: BotState = {
    name,
    status: 'available',
    team: TEAMS[index % TEAMS.length] ?? 'Design',
  };
  if (color) state['color'] = COLORS[index % COLORS.length] ?? '#0369a1';
  return { userId: `${prefix}-${String(index + 1).padStart(4, '0')}`, state };
}

/** Statuses a scripted user moves between (besides `away`). */
export const BOT_STATUSES = ['available', 'busy'] as const;
