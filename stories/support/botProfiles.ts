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

// Surnames for every round after the first, one per letter, so two users' initials differ for
// the first 702 users (numbered names such as "Ada 10" and "Ada 11" both read "A1").
const SURNAMES = [
  'Abbott',
  'Byrne',
  'Costa',
  'Dahl',
  'Eze',
  'Fox',
  'Grant',
  'Holm',
  'Iqbal',
  'Jaro',
  'Kato',
  'Lund',
  'Mora',
  'Nakai',
  'Okafor',
  'Park',
  'Quist',
  'Rossi',
  'Sato',
  'Tan',
  'Ueda',
  'Vega',
  'Wolfe',
  'Xu',
  'Yildiz',
  'Zane',
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
  const name = round === 0 ? first : `${first} ${surnameFor(index, round)}`;
  const state: BotState = {
    name,
    status: 'available',
    team: TEAMS[index % TEAMS.length] ?? 'Design',
  };
  if (color) state['color'] = COLORS[index % COLORS.length] ?? '#0369a1';
  return { userId: `${prefix}-${String(index + 1).padStart(4, '0')}`, state };
}

/** Round `round` (≥ 1) of the first names: each first name meets every surname once, then again numbered. */
function surnameFor(index: number, round: number): string {
  const surname = SURNAMES[(round - 1 + index) % SURNAMES.length] ?? 'Bot';
  const lap = Math.floor((round - 1) / SURNAMES.length);
  return lap === 0 ? surname : `${surname} ${lap + 1}`;
}

/** Statuses a scripted user moves between (besides `away`). */
export const BOT_STATUSES = ['available', 'busy'] as const;
