/**
 * Which documents travel in the email: in order, each while the running total
 * stays within `maxBytes`; one that does not fit is left out (for a link) and
 * the smaller ones after it may still go.
 */
export function fitDocuments<T extends { sizeBytes: number }>(
  documents: T[],
  maxBytes: number,
): { fit: T[]; leftOut: T[] } {
  const fit: T[] = [];
  const leftOut: T[] = [];
  let total = 0;
  for (const document of documents) {
    if (total + document.sizeBytes <= maxBytes) {
      fit.push(document);
      total += document.sizeBytes;
    } else {
      leftOut.push(document);
    }
  }
  return { fit, leftOut };
}
