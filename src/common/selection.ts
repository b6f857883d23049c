import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields a request selects at `path` below the field being resolved (e.g.
 * `['nodes']` of a connection), through fragments. Directives are not evaluated: a field under
 * `@skip` counts as selected. For reading the relations a page will ask for in the statement that
 * reads the page; a relation missed here is still read by its loader.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, ...paths: readonly (readonly string[])[]): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode, path: readonly string[]): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!path.length) names.add(selection.name.value);
        else if (selection.name.value === path[0] && selection.selectionSet) visit(selection.selectionSet, path.slice(1));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, path);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet, path);
      }
    }
  };
  for (const node of info.fieldNodes) {
    if (!node.selectionSet) continue;
    for (const path of paths.length ? paths : [[]]) visit(node.selectionSet, path);
  }
  return names;
}

/**
 * `compute` of a field's selection, worked out once per parsed document: Apollo hands the same
 * parsed document (and so the same field nodes) to every request with the same text. `compute`
 * must depend on the document only, not on the variables.
 */
export function oncePerDocument<T>(compute: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const known = new WeakMap<FieldNode, T>();
  return (info) => {
    const node = info.fieldNodes[0];
    if (known.has(node)) return known.get(node)!;
    const value = compute(info);
    known.set(node, value);
    return value;
  };
}
