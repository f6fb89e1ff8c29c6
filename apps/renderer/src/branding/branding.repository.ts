import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SCHEMA } from '../database/orm-settings';
import { DEFAULT_BRAND, type Brand, type PaymentAccount } from '../reminder/brand';

/** The look and company details part of a brand, as stored. */
export type Branding = Omit<Brand, 'accounts' | 'paymentNote'>;
export interface PaymentInstructions {
  accounts: PaymentAccount[];
  note: string;
}

interface BrandingRow {
  logo: Buffer | null;
  logo_content_type: string;
  alignment: Brand['align'];
  primary_colour: string;
  accent_colour: string;
  address: string;
  phone: string;
  website: string;
  tax_id: string;
  paper: Brand['paper'];
}

/** How long a process trusts the brand it read: a change reaches every replica within this. */
const CACHE_MS = 10_000;

/** Each tenant's branding and payment instructions; reads for rendering are cached briefly. */
@Injectable()
export class BrandingRepository {
  private readonly cache = new Map<string, { brand: Brand; until: number }>();

  constructor(private readonly orm: MikroORM) {}

  async branding(tenantId: string): Promise<Branding> {
    const rows: BrandingRow[] = await this.orm.em
      .fork()
      .execute(`select * from ${SCHEMA}.brandings where tenant_id = ?`, [tenantId]);
    const row = rows[0];
    if (!row) return withoutPayment(DEFAULT_BRAND);
    return {
      logo: row.logo ? { contentType: row.logo_content_type, content: Buffer.from(row.logo) } : undefined,
      align: row.alignment,
      primaryColour: row.primary_colour,
      accentColour: row.accent_colour,
      address: row.address,
      phone: row.phone,
      website: row.website,
      taxId: row.tax_id,
      paper: row.paper,
    };
  }

  async paymentInstructions(tenantId: string): Promise<PaymentInstructions> {
    const rows: Array<{ accounts: PaymentAccount[]; note: string }> = await this.orm.em
      .fork()
      .execute(`select accounts, note from ${SCHEMA}.payment_instructions where tenant_id = ?`, [tenantId]);
    return rows[0] ?? { accounts: [], note: '' };
  }

  /** The whole brand a render uses. */
  async forRendering(tenantId: string): Promise<Brand> {
    const cached = this.cache.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.brand;
    const [branding, payment] = await Promise.all([this.branding(tenantId), this.paymentInstructions(tenantId)]);
    const brand: Brand = { ...branding, accounts: payment.accounts, paymentNote: payment.note };
    this.cache.set(tenantId, { brand, until: Date.now() + CACHE_MS });
    return brand;
  }

  /** Saves the branding; `keepLogo` leaves the stored logo as it is. */
  async saveBranding(tenantId: string, branding: Branding, keepLogo: boolean): Promise<Branding> {
    const b = branding;
    await this.orm.em.fork().execute(
      `insert into ${SCHEMA}.brandings as b
         (tenant_id, logo, logo_content_type, alignment, primary_colour, accent_colour, address, phone, website, tax_id, paper, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
       on conflict (tenant_id) do update set
         logo = case when ? then b.logo else excluded.logo end,
         logo_content_type = case when ? then b.logo_content_type else excluded.logo_content_type end,
         alignment = excluded.alignment, primary_colour = excluded.primary_colour,
         accent_colour = excluded.accent_colour, address = excluded.address, phone = excluded.phone,
         website = excluded.website, tax_id = excluded.tax_id, paper = excluded.paper, updated_at = now()`,
      [
        tenantId,
        b.logo?.content ?? null,
        b.logo?.contentType ?? '',
        b.align,
        b.primaryColour,
        b.accentColour,
        b.address,
        b.phone,
        b.website,
        b.taxId,
        b.paper,
        keepLogo,
        keepLogo,
      ],
    );
    this.cache.delete(tenantId);
    return this.branding(tenantId);
  }

  async savePaymentInstructions(tenantId: string, payment: PaymentInstructions): Promise<PaymentInstructions> {
    await this.orm.em.fork().execute(
      `insert into ${SCHEMA}.payment_instructions (tenant_id, accounts, note, updated_at) values (?, ?::jsonb, ?, now())
       on conflict (tenant_id) do update set accounts = excluded.accounts, note = excluded.note, updated_at = now()`,
      [tenantId, JSON.stringify(payment.accounts), payment.note],
    );
    this.cache.delete(tenantId);
    return payment;
  }
}

function withoutPayment(brand: Brand): Branding {
  const { accounts: _accounts, paymentNote: _note, ...branding } = brand;
  return branding;
}
