// ISO 4217 as the runtime's ICU knows it: codes and their minor-unit digits
// (CLP 0, MXN 2), so no table of our own drifts out of date.
const known = new Set(Intl.supportedValuesOf('currency'));

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && known.has(code);
}

export function minorDigits(code: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2
  );
}
