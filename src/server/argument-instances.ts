import { dirname, join } from 'node:path';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql turns a resolver's arguments into instances of their classes on every call
 * (resolvers/convert-args.js). For an input class it lists the fields anew on every call, each
 * field's type looked up by a linear search of all the input types, and it builds the tree of
 * a nested input again: with it, type-graphql took 3.4% of the CPU of an `overlaps(filter: …)`
 * request, 1.7% with the plans here (BENCHMARKS.md, peers notes). The same conversion is done
 * here from plans made once per class, after the schema is built (the classes' metadata is
 * complete by then): instances of the same classes, with the same fields, through type-graphql's
 * own `convertToType`. type-graphql's resolvers read the two functions from that module's exports
 * at each call, so replacing the exports is enough.
 */

type ConvertToType = (target: unknown, value: unknown) => unknown;

interface ParamLike {
  name?: string;
  getType: () => unknown;
}

interface ConvertArgsModule {
  convertArgsToInstance: (params: ParamLike, args: Record<string, unknown>) => unknown;
  convertArgToInstance: (params: ParamLike, args: Record<string, unknown>) => unknown;
}

interface FieldPlan {
  name: string;
  target: unknown;
  /** The field's own input class's plan; null when its type is not an input class. */
  input: InputPlan | null;
}

interface InputPlan {
  target: unknown;
  fields: FieldPlan[];
}

function typeGraphqlModule<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- type-graphql's own internal module, as its resolvers load it
  return require(join(dirname(require.resolve('type-graphql')), path)) as T;
}

/** The classes a class extends, nearest first. */
function superClassesOf(target: unknown): unknown[] {
  const supers: unknown[] = [];
  for (
    let current = Object.getPrototypeOf(target) as { prototype?: unknown };
    current.prototype !== undefined;
    current = Object.getPrototypeOf(current) as { prototype?: unknown }
  ) {
    supers.push(current);
  }
  return supers;
}

export class ArgumentInstances {
  private readonly inputPlans = new Map<unknown, InputPlan | null>();
  private readonly argsFields = new Map<unknown, { name: string; target: unknown }[]>();

  constructor(private readonly convertToType: ConvertToType) {}

  /** What type-graphql's convertArgsToInstance gives: the `@ArgsType` class's instance. */
  readonly argsInstance = (params: ParamLike, args: Record<string, unknown>): unknown => {
    const argsClass = params.getType();
    const converted: Record<string, unknown> = {};
    for (const field of this.argsFieldsOf(argsClass)) {
      const value = args[field.name];
      if (value !== undefined) converted[field.name] = this.values(field.target, value);
    }
    return this.convertToType(argsClass, converted);
  };

  /** What type-graphql's convertArgToInstance gives: one `@Arg`'s value, inputs as instances. */
  readonly argInstance = (params: ParamLike, args: Record<string, unknown>): unknown => this.values(params.getType(), args[params.name!]);

  private values(target: unknown, value: unknown): unknown {
    if (value == null) return value;
    if (Array.isArray(value)) return value.map((item) => this.values(target, item));
    const plan = this.inputPlanOf(target);
    return plan ? this.input(plan, value) : this.convertToType(target, value);
  }

  private input(plan: InputPlan, data: unknown): unknown {
    if (data == null) return data;
    if (Array.isArray(data)) return data.map((item) => this.input(plan, item));
    const converted: Record<string, unknown> = {};
    for (const field of plan.fields) {
      const value = (data as Record<string, unknown>)[field.name];
      if (value === undefined) continue;
      if (value === null || !field.input) converted[field.name] = this.convertToType(field.target, value);
      else if (Array.isArray(value)) converted[field.name] = value.map((item) => this.input(field.input!, item));
      else converted[field.name] = this.input(field.input, value);
    }
    return this.convertToType(plan.target, converted);
  }

  private argsFieldsOf(argsClass: unknown): { name: string; target: unknown }[] {
    let fields = this.argsFields.get(argsClass);
    if (!fields) {
      const storage = getMetadataStorage();
      // As type-graphql does: the class's own fields, then each superclass's, all of them.
      const classes = [argsClass, ...superClassesOf(argsClass)];
      fields = classes.flatMap((target) =>
        (storage.argumentTypes.find((type) => type.target === target)?.fields ?? []).map((field) => ({ name: field.name, target: field.getType() })),
      );
      this.argsFields.set(argsClass, fields);
    }
    return fields;
  }

  private inputPlanOf(target: unknown): InputPlan | null {
    if (this.inputPlans.has(target)) return this.inputPlans.get(target)!;
    const storage = getMetadataStorage();
    const inputType = (of: unknown) => storage.inputTypes.find((type) => type.target === of);
    const own = inputType(target);
    if (!own) {
      this.inputPlans.set(target, null);
      return null;
    }
    // Set before its fields are planned: an input may hold itself.
    const plan: InputPlan = { target, fields: [] };
    this.inputPlans.set(target, plan);
    // As type-graphql does: the class's own fields, then those of its superclasses it does not redefine.
    const fields = [...(own.fields ?? [])];
    for (const superClass of superClassesOf(target)) {
      const names = new Set(fields.map((field) => field.name));
      fields.push(...(inputType(superClass)?.fields ?? []).filter((field) => !names.has(field.name)));
    }
    for (const field of fields) {
      const fieldTarget = field.getType();
      plan.fields.push({ name: field.name, target: fieldTarget, input: this.inputPlanOf(fieldTarget) });
    }
    return plan;
  }
}

let installed: ArgumentInstances | null = null;
let typeGraphqlOwn: ConvertArgsModule | null = null;

/** Puts the planned conversion in place of type-graphql's; call once the schema is built. */
export function installArgumentInstances(): void {
  if (installed) return;
  const convertArgs = typeGraphqlModule<ConvertArgsModule>('resolvers/convert-args.js');
  const { convertToType } = typeGraphqlModule<{ convertToType: ConvertToType }>('helpers/types.js');
  if (typeof convertArgs.convertArgsToInstance !== 'function' || typeof convertArgs.convertArgToInstance !== 'function' || typeof convertToType !== 'function') {
    throw new Error("type-graphql's resolvers/convert-args.js or helpers/types.js changed; see src/server/argument-instances.ts");
  }
  typeGraphqlOwn = { convertArgsToInstance: convertArgs.convertArgsToInstance, convertArgToInstance: convertArgs.convertArgToInstance };
  installed = new ArgumentInstances(convertToType);
  convertArgs.convertArgsToInstance = installed.argsInstance;
  convertArgs.convertArgToInstance = installed.argInstance;
}

/** For the test that compares them: the conversion in use, type-graphql's own, and this module's. */
export function argumentConversions(): { inUse: ConvertArgsModule; typeGraphql: ConvertArgsModule | null; planned: ConvertArgsModule | null } {
  return {
    inUse: { ...typeGraphqlModule<ConvertArgsModule>('resolvers/convert-args.js') },
    typeGraphql: typeGraphqlOwn,
    planned: installed && { convertArgsToInstance: installed.argsInstance, convertArgToInstance: installed.argInstance },
  };
}
