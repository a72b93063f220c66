import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { MediaModule } from './media/media.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // The built web client, with index.html for every non-API path (SPA routing).
    const web = existsSync(join(config.webDistDir, 'index.html'))
      ? [ServeStaticModule.forRoot({ rootPath: config.webDistDir, exclude: ['/api/{*rest}'] })]
      : [];
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, MediaModule, HealthModule, ...web],
    };
  }
}
