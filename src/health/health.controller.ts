import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthIndicatorFunction,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { RedisConnection } from '../redis/redis-connection.js';
import { HealthView } from './health.view.js';

const PING_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisConnection,
  ) {}

  @Get()
  // Stated here too: terminus documents itself only where it can require() @nestjs/swagger.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'A dependency is down' })
  @ApiOperation({
    summary:
      'Readiness: `status: "ok"` when the database answers, and Redis too when `REDIS_URL` is set; 503 otherwise',
  })
  check() {
    const checks: HealthIndicatorFunction[] = [
      () => this.database.pingCheck('database', { timeout: PING_TIMEOUT_MS }),
    ];
    if (this.redis.enabled) {
      checks.push(() =>
        this.indicators
          .check('redis')
          .attempt(() => this.redis.ping())
          .withTimeout(PING_TIMEOUT_MS),
      );
    }
    return this.health.check(checks);
  }
}
