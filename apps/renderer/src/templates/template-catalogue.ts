/** What a template may name: a value to print, a flag to test, or a list to iterate (its items' own names). */
export type CatalogueEntry =
  | { kind: 'text'; description: string }
  | { kind: 'flag'; description: string }
  | { kind: 'list'; description: string; item: Catalogue };
export type Catalogue = Readonly<Record<string, CatalogueEntry>>;
