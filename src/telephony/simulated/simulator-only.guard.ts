import { type CanActivate, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../../config/configuration.js';

/** The virtual phone exists only while the simulated carrier is the driver; otherwise 404. */
@Injectable()
export class SimulatorOnlyGuard implements CanActivate {
  private readonly enabled: boolean;

  constructor(config: ConfigService<Configuration, true>) {
    this.enabled = config.get('telephony', { infer: true }).driver === 'simulated';
  }

  canActivate(): boolean {
    if (!this.enabled) throw new NotFoundException();
    return true;
  }
}
