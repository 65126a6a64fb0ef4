/**
 * LMArena: the rows scrapers/lmarena.ts writes. Boards (`text-raw`, `text-style-control`,
 * `text-raw-fboulnois`) are leaderboardRow, `text-history` historyRow, `arena-top` arenaTopRow,
 * `metadata` metadataRow.
 */
import { z } from 'zod';
import { nullableText } from './fields.ts';

export const rating = z.number().positive().max(3000, 'rating above 3000: did LMArena change the scale?');
const rank = z.number().int().positive().nullable();
const votes = z.number().int().nonnegative().nullable();

/** One model on one board (category) of one leaderboard version. */
export const leaderboardRow = z.object({
  category: z.string().min(1),
  rank,
  model: z.string().min(1),
  rating,
  rating_lower: rating.nullable(),
  rating_upper: rating.nullable(),
  votes,
  organization: nullableText,
  licence: nullableText,
  style_control: z.boolean(),
  rank_stylectrl: rank,
  knowledge_cutoff: nullableText,
  url: nullableText,
});
export type LeaderboardRow = z.infer<typeof leaderboardRow>;

export const historyRow = z.object({
  model: z.string().min(1),
  rating,
  style_control: z.boolean(),
});
export type HistoryRow = z.infer<typeof historyRow>;

export const metadataRow = z.object({
  model: z.string().min(1),
  name: nullableText,
  organization: nullableText,
  licence: nullableText,
  input_price_usd_per_1m: z.number().nonnegative().nullable(),
  output_price_usd_per_1m: z.number().nonnegative().nullable(),
  price_source: nullableText,
  model_source: nullableText,
  hidden: z.boolean(),
});
export type MetadataRow = z.infer<typeof metadataRow>;

export const arenaTopRow = z.object({
  rank: z.number().int().positive(),
  model: z.string().min(1),
  organization: nullableText,
  licence: nullableText,
  rating,
  ci_95: z.number().nonnegative().nullable(),
  rating_lower: rating.nullable(),
  rating_upper: rating.nullable(),
  votes,
  style_control: z.boolean(),
  board_last_updated: nullableText,
});
export type ArenaTopRow = z.infer<typeof arenaTopRow>;
