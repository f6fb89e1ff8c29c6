import { css } from './email-styles';

/**
 * The frame of every email, the renderer's own (tenants write only the body): the
 * header with the logo and the company in the tenant's colour, the body, the company's
 * details at the foot. `{{{bodyHtml}}}` is the tenant's body already rendered, its values escaped.
 */
export const emailLayoutHtml = (lang: string): string => `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{company}}</title>
</head>
<body style="${css.body}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${css.page}">
<tr><td align="center" style="${css.pageCell}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${css.card}">
<tr><td align="{{logoAlign}}" style="${css.header}border-bottom-color:{{primaryColour}};color:{{primaryColour}};text-align:{{logoAlign}};">
{{#logoSrc}}<img src="{{logoSrc}}" alt="{{company}}" style="${css.logo}"><br>{{/logoSrc}}
{{company}}
</td></tr>
<tr><td style="${css.content}">
{{{bodyHtml}}}
</td></tr>
{{#companyInfo}}
<tr><td style="${css.footer}">{{company}} · {{companyInfo}}</td></tr>
{{/companyInfo}}
</table>
</td></tr>
</table>
</body>
</html>
`;
