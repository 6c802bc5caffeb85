import type { GraphQLContext } from '../../app/context.js';
import { formatInZone } from '../../domain/time/local-time.js';

/** An instant rendered with the offset of the mall's zone (`+07:00`, `+08:00`, `+09:00`). */
export async function inMallZone(
  ctx: GraphQLContext,
  mallId: string,
  iso: string | null,
): Promise<string | null> {
  if (iso === null) return null;
  const mall = await ctx.catalog.mall(mallId);
  return mall ? formatInZone(new Date(iso), mall.timeZone) : iso;
}

/** `inMallZone` for an instant that is always there. */
export async function requiredInMallZone(ctx: GraphQLContext, mallId: string, iso: string): Promise<string> {
  return (await inMallZone(ctx, mallId, iso)) ?? iso;
}
