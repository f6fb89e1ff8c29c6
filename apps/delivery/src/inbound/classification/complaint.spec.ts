import { simpleParser } from 'mailparser';
import type { InboundMail } from './classification';
import { readComplaint } from './complaint';

const mail = async (source: string): Promise<InboundMail> => simpleParser(Buffer.from(source.replace(/\n/g, '\r\n')));

describe('readComplaint on hand-made feedback', () => {
  it('reads an Amazon SES complaint sent inside its SNS envelope', async () => {
    const complaint = JSON.stringify({
      notificationType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: 'Ana@Example.com' }], complaintFeedbackType: 'abuse' },
      mail: { headers: [{ name: 'Message-ID', value: '<invoice-42@chasqui.example>' }] },
    });
    const envelope = JSON.stringify({ Type: 'Notification', Message: complaint });
    const source = `From: no-reply@sns.amazonaws.com\nSubject: AWS Notification Message\nContent-Type: text/plain\n\n${envelope}\n`;
    expect(readComplaint(await mail(source))).toEqual({
      kind: 'complaint',
      feedbackType: 'abuse',
      recipients: ['ana@example.com'],
      originalMessageIds: ['<invoice-42@chasqui.example>'],
    });
  });

  it('is null for an SES bounce notification and for ordinary mail', async () => {
    const bounce = JSON.stringify({ notificationType: 'Bounce', bounce: { bounceType: 'Permanent' } });
    expect(
      readComplaint(await mail(`From: no-reply@sns.amazonaws.com\nSubject: AWS Notification Message\n\n${bounce}\n`)),
    ).toBeNull();
    expect(readComplaint(await mail('From: ana@example.com\nSubject: {json} is fine\n\nHola {"a": 1}\n'))).toBeNull();
  });

  it("reads an ARF report without Feedback-Type or Original-Rcpt-To as abuse by the reported message's addressee", async () => {
    const source = `From: fbl@isp.example
To: abuse@chasqui.example
Subject: Abuse report
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="b1"

--b1
Content-Type: text/plain

This is an abuse report.
--b1
Content-Type: message/feedback-report

User-Agent: Example-FBL/1.0
Version: 1

--b1
Content-Type: text/rfc822-headers

From: cobranzas@chasqui.example
To: Ana <ana@example.com>
Message-ID: <invoice-42@chasqui.example>

--b1--
`;
    expect(readComplaint(await mail(source))).toEqual({
      kind: 'complaint',
      feedbackType: 'abuse',
      recipients: ['ana@example.com'],
      originalMessageIds: ['<invoice-42@chasqui.example>'],
    });
  });
});
