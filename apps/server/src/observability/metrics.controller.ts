import { Controller, Get, Headers, Inject, NotFoundException, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/access.decorators';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MetricsService } from './metrics.service';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * GET /api/metrics for Prometheus, to the METRICS_TOKEN bearer only (404 while METRICS_TOKEN is unset).
 * Public as far as the access guard goes (a scraper has no account), with a secret of its own, like the
 * calendar feeds; left out of the OpenAPI document, which describes the API for people and clients.
 */
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('metrics')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const token = this.config.metrics.token;
    if (!token) throw new NotFoundException({ error: 'NOT_FOUND', message: 'Metrics are off: set METRICS_TOKEN' });
    const given = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
    if (!timingSafeEqual(digest(given), digest(token))) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException({ error: 'UNAUTHORIZED', message: 'Send the METRICS_TOKEN as a bearer token' });
    }
    const { contentType, body } = await this.metrics.scrape();
    res.setHeader('Content-Type', contentType).setHeader('Cache-Control', 'no-store').send(body);
  }
}
