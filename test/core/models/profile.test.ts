import { describe, expect, it } from 'vitest';
import {
  defaultProfile,
  displayNameOf,
  initialsOf,
  resolveProfile,
  safeAvatarUrl,
  safeColor,
  sanitizeDisplayText,
  stableColor,
  textColorOn,
} from '../../../src/core/index.js';

const occupant = (userId: string, state: Record<string, string> = {}) => ({ userId, state });

describe('sanitizeDisplayText', () => {
  it('strips control and bidi characters and collapses whitespace', () => {
    expect(sanitizeDisplayText('\u202eevil\u0000\u200f  na\u2066me\n\t')).toBe('evil name');
    expect(sanitizeDisplayText('a\u0085b\u061cc\ufeffd\u2028e')).toBe('abcde');
  });

  it('keeps joiners that emoji and scripts need', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(sanitizeDisplayText(family)).toBe(family);
    expect(sanitizeDisplayText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  it('caps the length by code points with an ellipsis and never splits a surrogate pair', () => {
    const long = '😀'.repeat(100);
    const out = sanitizeDisplayText(long, 10);
    expect(Array.from(out)).toHaveLength(10);
    expect(out.endsWith('…')).toBe(true);
    expect(out.slice(0, -1)).toBe('😀'.repeat(9));
    expect(sanitizeDisplayText('x'.repeat(64))).toHaveLength(64);
    expect(Array.from(sanitizeDisplayText('x'.repeat(65)))).toHaveLength(64);
  });

  it('turns non-strings into empty text', () => {
    for (const value of [undefined, null, 42, {}, ['a']])
      expect(sanitizeDisplayText(value)).toBe('');
  });

  it('leaves markup as plain text (rendering as text makes it inert)', () => {
    expect(sanitizeDisplayText('<img src=x onerror=alert(1)>')).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });
});

describe('safeAvatarUrl', () => {
  it('allows absolute https URLs only', () => {
    expect(safeAvatarUrl('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'http://cdn.example.com/a.png',
      '//cdn.example.com/a.png',
      '/a.png',
      'https://user:pw@cdn.example.com/a.png',
      'https://' + 'a'.repeat(3000) + '.com',
      '',
      7,
      undefined,
    ])
      expect(safeAvatarUrl(bad)).toBeUndefined();
  });

  it('narrows to an origin allowlist when given one', () => {
    const allow = ['https://cdn.example.com', 'https://img.example.org/'];
    expect(safeAvatarUrl('https://cdn.example.com/x.png', allow)).toBe(
      'https://cdn.example.com/x.png',
    );
    expect(safeAvatarUrl('https://img.example.org/y', allow)).toBe('https://img.example.org/y');
    expect(safeAvatarUrl('https://evil.example.net/x.png', allow)).toBeUndefined();
    expect(safeAvatarUrl('https://cdn.example.com.evil.net/x.png', allow)).toBeUndefined();
    expect(safeAvatarUrl('https://cdn.example.com/x.png', [])).toBeUndefined();
  });
});

describe('colours and initials', () => {
  it('gives each user id the same colour every time, spread over the palette', () => {
    expect(stableColor('alice')).toBe(stableColor('alice'));
    const colours = new Set(Array.from({ length: 50 }, (_, i) => stableColor(`user-${i}`)));
    expect(colours.size).toBeGreaterThan(6);
    for (const c of colours) expect(textColorOn(c)).toBe('#fff');
  });

  it('accepts only hex colours from remote data', () => {
    expect(safeColor('#0369A1')).toBe('#0369a1');
    expect(safeColor('#abc')).toBe('#abc');
    for (const bad of ['red', 'url(https://x/y)', '#12345', 'var(--x)', '#abcd; color: red', 3])
      expect(safeColor(bad)).toBeUndefined();
  });

  it('picks readable text on light and dark colours', () => {
    expect(textColorOn('#ffff00')).toBe('#000');
    expect(textColorOn('#fff')).toBe('#000');
    expect(textColorOn('#000080')).toBe('#fff');
  });

  it('takes first and last initials by code point', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf('ada king lovelace')).toBe('AL');
    expect(initialsOf('bob')).toBe('B');
    expect(initialsOf('élodie durand')).toBe('ÉD');
    expect(initialsOf('😀 Zed')).toBe('Z');
    expect(initialsOf('李 小龙')).toBe('李小');
    expect(initialsOf('  ')).toBe('?');
    expect(initialsOf('"Quoted" name')).toBe('QN');
  });
});

describe('profiles', () => {
  it('reads name, avatar and color from state, falling back to the user id', () => {
    expect(
      defaultProfile(occupant('u1', { name: 'Ada', avatar: 'https://a/b', color: '#fff' })),
    ).toEqual({ name: 'Ada', avatarUrl: 'https://a/b', color: '#fff' });
    expect(defaultProfile(occupant('u1', { name: '' }))).toEqual({ name: 'u1' });
  });

  it('resolves a display profile with every field made safe', () => {
    const hostile = occupant('mallory', {
      name: '\u202e<img src=x onerror=alert(1)>',
      avatar: 'javascript:alert(1)',
      color: 'url(https://tracker.example/p)',
    });
    const p = resolveProfile(hostile);
    expect(p).toEqual({
      userId: 'mallory',
      name: '<img src=x onerror=alert(1)>',
      initials: 'IO',
      avatarUrl: undefined,
      color: stableColor('mallory'),
      textColor: '#fff',
    });
  });

  it('uses getProfile and the avatar origin policy', () => {
    const getProfile = (o: { userId: string }) => ({
      name: `User ${o.userId}`,
      avatarUrl: `https://cdn.example.com/${o.userId}.png`,
    });
    const allowed = resolveProfile(occupant('7'), getProfile, {
      avatarOrigins: ['https://cdn.example.com'],
    });
    expect(allowed.name).toBe('User 7');
    expect(allowed.avatarUrl).toBe('https://cdn.example.com/7.png');
    const refused = resolveProfile(occupant('7'), getProfile, {
      avatarOrigins: ['https://other.example.com'],
    });
    expect(refused.avatarUrl).toBeUndefined();
  });

  it('falls back to the user id when getProfile returns junk or an invisible name', () => {
    const junk = resolveProfile(occupant('u\u202e2'), () => null as never);
    expect(junk.name).toBe('u2');
    const blank = resolveProfile(occupant('u3'), () => ({ name: '\u200f\u0000 ' }));
    expect(blank.name).toBe('u3');
    expect(resolveProfile(occupant('\u0000'), () => ({ name: '' })).name).toBe('?');
  });

  it('gives the same name through displayNameOf (the name alone) as resolveProfile', () => {
    const cases: [ReturnType<typeof occupant>, ((o: { userId: string }) => never) | undefined][] = [
      [occupant('ada', { name: '  Ada \u202eLovelace ' }), undefined],
      [occupant('u\u202e2'), () => null as never],
      [occupant('u3'), () => ({ name: '\u200f\u0000 ' }) as never],
      [occupant('\u0000'), () => ({ name: '' }) as never],
      [occupant('long', { name: 'x'.repeat(300) }), undefined],
    ];
    for (const [who, getProfile] of cases)
      expect(displayNameOf(who, getProfile)).toBe(resolveProfile(who, getProfile).name);
    expect(displayNameOf(occupant('z', { name: 'abcdef' }), undefined, { maxNameLength: 3 })).toBe(
      'ab…',
    );
  });
});
