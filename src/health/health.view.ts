import { ApiProperty } from '@nestjs/swagger';

/** @nestjs/terminus's report: each dependency under `info` (up) or `error` (down). */
export class HealthView {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] })
  status!: string;

  @ApiProperty({ type: Object, example: { database: { status: 'up' } } })
  info!: Record<string, unknown>;

  @ApiProperty({ type: Object, example: {} })
  error!: Record<string, unknown>;

  @ApiProperty({ type: Object, example: { database: { status: 'up' } } })
  details!: Record<string, unknown>;
}
