import { z } from 'zod';
import { protoEnumField } from '../../grpc/proto-enum';
import { DEFAULT_BRAND } from '../../reminder/brand';
import { fromAlignment, fromPaper } from '../branding.proto';
import { contrastRatio, MIN_CONTRAST, parseColour } from '../domain/colour';

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\p{Cc}]/u.test(s), 'must be one line of text');

/** A colour headings and bars can use on a white page: #rrggbb, at least 3:1 against white; '' the default. */
const colour = (fallback: string) =>
  z.string().transform((value, ctx) => {
    if (value.trim() === '') return fallback;
    const parsed = parseColour(value.trim());
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: 'must be a colour as #rrggbb or #rgb' });
      return z.NEVER;
    }
    const ratio = contrastRatio(parsed, '#ffffff');
    if (ratio < MIN_CONTRAST) {
      ctx.addIssue({
        code: 'custom',
        message: `has a contrast of ${ratio.toFixed(2)}:1 against white; at least ${MIN_CONTRAST}:1 is needed to be read`,
      });
      return z.NEVER;
    }
    return parsed;
  });

export const updateBrandingCommand = z.object({
  tenantId: z.string(),
  keepLogo: z.boolean(),
  branding: z.object(
    {
      logo: z.instanceof(Uint8Array),
      alignment: protoEnumField(fromAlignment, 'must be left, center or right'),
      paperSize: protoEnumField(fromPaper, 'must be letter or A4'),
      primaryColour: colour(DEFAULT_BRAND.primaryColour),
      accentColour: colour(DEFAULT_BRAND.accentColour),
      address: oneLine(300),
      phone: oneLine(50),
      website: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(200)]),
      taxId: oneLine(20),
    },
    'required',
  ),
});

export type UpdateBrandingCommand = z.output<typeof updateBrandingCommand>;
