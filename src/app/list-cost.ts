/**
 * The answer-size estimate of an operation: how many fields its answer may hold, each field counted
 * once per item of every list around it. graphql-armor's cost counts a list as one object, so fifteen
 * aliases of `malls { agencies { schedule { days(from, to) } } }` over a year cost little there while the
 * answer runs to megabytes; here they count as what they ask for.
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** How many items a list without an argument that bounds it is counted as, unless LIST_SIZES says. */
export const DEFAULT_LIST_SIZE = 5;

/** Lists whose size is known from the domain rather than typical. */
const LIST_SIZES: Readonly<Record<string, number>> = {
  'Schedule.weekly': 7,
};

/** Page arguments (`first`, `limit`, ...) are counted at most at this, the largest page any list gives. */
export const MAX_PAGE_ARGUMENT = 100;

/** A date range is counted at most at this many days, the longest any range argument accepts. */
export const MAX_RANGE_DAYS = 366;

const PAGE_ARGUMENTS = new Set(['first', 'last', 'limit']);
const DAY_MS = 86_400_000;

type Variables = Readonly<Record<string, unknown>>;

function literalValue(node: ValueNode | undefined, variables: Variables): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.STRING:
      return node.value;
    default:
      return undefined;
  }
}

/** The argument's value in this request: written, from a variable, or the field's default. */
function argument(
  field: GraphQLField<unknown, unknown>,
  nodes: readonly { name: { value: string }; value: ValueNode }[] | undefined,
  name: string,
  variables: Variables,
): unknown {
  const node = nodes?.find((a) => a.name.value === name);
  if (node) return literalValue(node.value, variables);
  return field.args.find((a) => a.name === name)?.defaultValue;
}

/**
 * Days from `from` to `to` inclusive; 1 when malformed (the resolver refuses those); null when either is
 * not given, so an open range counts as a list of typical size.
 */
function rangeDays(from: unknown, to: unknown): number | null {
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  return Number.isFinite(days) ? Math.min(Math.max(1, Math.floor(days)), MAX_RANGE_DAYS) : 1;
}

/** What the size arguments of a field ask for, if it has any. */
function askedSize(
  field: GraphQLField<unknown, unknown>,
  nodes: readonly { name: { value: string }; value: ValueNode }[] | undefined,
  variables: Variables,
): number | null {
  for (const arg of field.args) {
    if (!PAGE_ARGUMENTS.has(arg.name)) continue;
    const value = argument(field, nodes, arg.name, variables);
    // Past the page cap the resolver refuses it as BAD_USER_INPUT; count it at the cap.
    if (typeof value === 'number' && Number.isInteger(value))
      return Math.min(Math.max(1, value), MAX_PAGE_ARGUMENT);
  }
  if (field.args.some((a) => a.name === 'from') && field.args.some((a) => a.name === 'to')) {
    return rangeDays(argument(field, nodes, 'from', variables), argument(field, nodes, 'to', variables));
  }
  return null;
}

/**
 * The estimate for one operation, or a number above `stopAbove` as soon as it passes it (so a document
 * built to multiply through fragments is not walked to the end). Runs on a validated operation.
 */
export function estimateListCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  stopAbove: number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let total = 0;

  // `pending`: the size a parent's page argument gives the list right under it (a connection's `edges`).
  const walk = (set: SelectionSetNode, type: GraphQLNamedType, times: number, pending: number | null) => {
    for (const selection of set.selections) {
      if (total > stopAbove) return;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && on) walk(fragment.selectionSet, on, times, pending);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on) walk(selection.selectionSet, on, times, pending);
        continue;
      }
      const name = selection.name.value;
      // Introspection (off in production) counts as one field, its inside left to graphql-armor's limits.
      // Every field adds at least 1, so the walk stops early however fragments repeat one another.
      if (name.startsWith('__')) {
        total += times;
        continue;
      }
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      const field = type.getFields()[name];
      if (!field) continue;
      const asked = askedSize(field, selection.arguments, variables);
      const isList = isListType(getNullableType(field.type));
      const items = isList
        ? (asked ?? pending ?? LIST_SIZES[`${type.name}.${name}`] ?? DEFAULT_LIST_SIZE)
        : 1;
      total += times * items;
      if (selection.selectionSet) {
        walk(selection.selectionSet, getNamedType(field.type), times * items, isList ? null : asked);
      }
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) walk(operation.selectionSet, root, 1, null);
  return total;
}
