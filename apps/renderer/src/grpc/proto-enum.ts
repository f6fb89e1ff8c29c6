import { z } from 'zod';

/**
 * A proto enum field of a request, as a command reads it: the domain value
 * `from` finds for it; any other (UNSPECIFIED, or a value this build does not
 * know) fails the field with `message`.
 */
export const protoEnumField = <P, D>(from: (value: P) => D | undefined, message: string) =>
  z.custom<P>().transform((value, ctx): D => {
    const domain = from(value);
    if (domain !== undefined) return domain;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
