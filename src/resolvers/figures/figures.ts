/**
 * Resolvers of the figures and the survey: each calls one use case of `FiguresService`.
 */
import type { GraphQLContext } from '../../app/context.js';
import { mallIdOf } from '../../domain/catalog/catalog.js';
import type {
  AgencyResolvers,
  MallResolvers,
  MutationResolvers,
  ServiceDayFiguresResolvers,
  SurveyReceiptResolvers,
} from '../../generated/resolvers-types.js';
import { requiredInMallZone } from '../shared/time.js';

/** Fields the figures add to the catalog's Agency and Mall. */
export const figuresFieldsOfCatalog: {
  Agency: Pick<AgencyResolvers<GraphQLContext>, 'figures'>;
  Mall: Pick<MallResolvers<GraphQLContext>, 'figures' | 'satisfaction'>;
} = {
  Agency: {
    figures: (agency, { from, to }, ctx) => ctx.figures.agencyFigures(ctx.viewer, agency, from, to, ctx.now),
  },
  Mall: {
    figures: (mall, { from, to }, ctx) => ctx.figures.mallFigures(ctx.viewer, mall, from, to, ctx.now),
    satisfaction: (mall, { from, to }, ctx) => ctx.figures.mallSatisfaction(mall, from, to),
  },
};

export const ServiceDayFigures: ServiceDayFiguresResolvers<GraphQLContext> = {
  service: (day, _a, ctx) =>
    ctx.catalog.readCatalog(mallIdOf(day.serviceId) ?? '', (c) => {
      const service = c.services.get(day.serviceId);
      if (!service) throw new Error(`Figures of ${day.serviceId}, which the catalog no longer has`);
      return service;
    }),
};

export const SurveyReceipt: SurveyReceiptResolvers<GraphQLContext> = {
  submittedAt: (receipt, _a, ctx) => requiredInMallZone(ctx, receipt.ticket.mallId, receipt.submittedAt),
};

export const figuresMutations: Pick<Required<MutationResolvers>, 'submitSurvey'> = {
  submitSurvey: (_p, { input }, ctx) =>
    ctx.figures.submitSurvey(
      ctx.viewer,
      {
        ticketId: input.ticketId,
        holderCode: input.holderCode ?? null,
        answers: input.answers.map((a) => ({ element: a.element, score: a.score })),
        comment: input.comment ?? null,
      },
      ctx.now,
    ),
};
