import { clabeProblem } from './clabe';

describe('clabeProblem', () => {
  it.each(['002010077777777771', '032180000118359719', '014027000005555558'])('accepts %s', (clabe) => {
    expect(clabeProblem(clabe)).toBeUndefined();
  });

  it.each([
    ['002010077777777772', 'check digit must be 1'],
    ['032180000118359710', 'check digit must be 9'],
    ['012180001234567897', 'check digit must be 9'],
    // Two neighbouring digits swapped: the slip the weights exist to catch.
    ['032180000181359719', 'check digit must be 7'],
  ])('refuses %s: %s', (clabe, problem) => {
    expect(clabeProblem(clabe)).toBe(problem);
  });

  it.each([
    '',
    '00201007777777777',
    '0020100777777777712',
    '002 010 07777777777 1',
    '00201007777777777a',
    '００２０１００７７７７７７７７７１',
  ])('refuses %p as not 18 digits', (value) => {
    expect(clabeProblem(value)).toBe('must be 18 digits');
  });
});
