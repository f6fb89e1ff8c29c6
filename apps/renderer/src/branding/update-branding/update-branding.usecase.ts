import { InvalidArgument } from '@chasqui/errors';
import { Injectable } from '@nestjs/common';
import { BrandingRepository, type Branding } from '../branding.repository';
import { readLogo } from '../domain/logo';
import type { UpdateBrandingCommand } from './update-branding.command';

/**
 * Saves the tenant's branding. The logo is decoded here, whole (an SVG sanitised): one
 * that does not decode fails this update, never a render.
 */
@Injectable()
export class UpdateBrandingUseCase {
  constructor(private readonly brandings: BrandingRepository) {}

  async execute(command: UpdateBrandingCommand): Promise<Branding> {
    const { tenantId, keepLogo, branding } = command;
    const { logo: bytes, alignment, paperSize, ...look } = branding;
    let logo: Branding['logo'];
    if (bytes.length > 0) {
      const reading = readLogo(Buffer.from(bytes));
      if (!reading.ok) {
        throw new InvalidArgument('BRANDING.INVALID', [{ field: 'branding.logo', description: reading.reason }]);
      }
      logo = { contentType: reading.logo.contentType, content: reading.logo.content };
    }
    const saved = { ...look, align: alignment, paper: paperSize, logo };
    return this.brandings.saveBranding(tenantId, saved, keepLogo && bytes.length === 0);
  }
}
