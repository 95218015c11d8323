/**
 * presence-kit: realtime presence on one Supabase Realtime channel. This entry is the
 * framework-free core; React bindings live in `presence-kit/react`.
 */
export * from './core/index.js';
