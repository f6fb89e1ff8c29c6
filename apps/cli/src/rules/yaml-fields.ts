/**
 * Reads one YAML mapping field by field, collecting a problem per bad field
 * (named by its path, e.g. schedule.overdue.from_days) instead of stopping at the first.
 */
export class YamlFields {
  constructor(
    private readonly data: Record<string, unknown>,
    private readonly path: string,
    private readonly problems: string[],
    allowed: readonly string[],
  ) {
    for (const key of Object.keys(data)) {
      if (!allowed.includes(key)) this.problem(key, `unknown field (known: ${allowed.join(', ')})`);
    }
  }

  /** The mapping at the root of a document (or a problem naming `path`). */
  static root(data: unknown, problems: string[], allowed: readonly string[]): YamlFields | undefined {
    if (!isMapping(data)) {
      problems.push('the file must hold a mapping (field: value lines)');
      return undefined;
    }
    return new YamlFields(data, '', problems, allowed);
  }

  has(key: string): boolean {
    return this.data[key] !== undefined && this.data[key] !== null;
  }

  keys(): string[] {
    return Object.keys(this.data);
  }

  name(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  /** A problem with this mapping as a whole. */
  mappingProblem(message: string): void {
    this.problems.push(`${this.path || 'the rule'}: ${message}`);
  }

  problem(key: string, message: string): void {
    this.problems.push(`${this.name(key)}: ${message}`);
  }

  string(key: string, required = false): string | undefined {
    const value = this.data[key];
    if (value === undefined || value === null) {
      if (required) this.problem(key, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') return this.wrong(key, 'must be text');
    if (required && value.trim() === '') return this.wrong(key, 'must not be empty');
    return value;
  }

  integer(key: string, range: { min?: number; max?: number; required?: boolean } = {}): number | undefined {
    const value = this.data[key];
    if (value === undefined || value === null) {
      if (range.required) this.problem(key, 'is required');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.wrong(key, 'must be a whole number');
    if (range.min !== undefined && value < range.min) return this.wrong(key, `must be at least ${range.min}`);
    if (range.max !== undefined && value > range.max) return this.wrong(key, `must be at most ${range.max}`);
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') return this.wrong(key, 'must be true or false');
    return value;
  }

  strings(key: string): string[] {
    const value = this.data[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      return this.wrong(key, 'must be a list of text') ?? [];
    }
    return value as string[];
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) return this.wrong(key, `must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  mapping(key: string, allowed: readonly string[]): YamlFields | undefined {
    const value = this.data[key];
    if (value === undefined) return undefined;
    // `invoice_issued:` with nothing after it is an empty mapping.
    if (value === null) return new YamlFields({}, this.name(key), this.problems, allowed);
    if (!isMapping(value)) return this.wrong(key, 'must be a mapping');
    return new YamlFields(value, this.name(key), this.problems, allowed);
  }

  private wrong(key: string, message: string): undefined {
    this.problem(key, message);
    return undefined;
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
