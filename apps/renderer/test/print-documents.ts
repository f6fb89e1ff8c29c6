/** A one-line document whose PDF text carries `marker`. */
export const doc = (marker: string) => `<!DOCTYPE html><html><body><h1>${marker}</h1></body></html>`;

/** A document long enough that printing it takes a while (about a second for 3 000 rows). */
export const longDoc = (marker: string, rows: number) =>
  `<!DOCTYPE html><html><body><table>${'<tr><td>row</td><td>filler text for a long statement</td></tr>'.repeat(rows)}</table><p>${marker}</p></body></html>`;
