import { fitDocuments } from './fit-documents';

const doc = (name: string, sizeBytes: number) => ({ name, sizeBytes });

describe('fitDocuments', () => {
  it('keeps the order and sends what fits, leaving out what would pass the cap', () => {
    const { fit, leftOut } = fitDocuments(
      [doc('a.xml', 40), doc('a.pdf', 70), doc('b.xml', 30), doc('b.pdf', 40)],
      100,
    );
    expect(fit.map((d) => d.name)).toEqual(['a.xml', 'b.xml']);
    expect(leftOut.map((d) => d.name)).toEqual(['a.pdf', 'b.pdf']);
  });

  it('sends a document exactly at the cap, and nothing with a cap of 0', () => {
    expect(fitDocuments([doc('a', 100)], 100).fit).toHaveLength(1);
    expect(fitDocuments([doc('a', 1)], 0).leftOut).toHaveLength(1);
  });
});
