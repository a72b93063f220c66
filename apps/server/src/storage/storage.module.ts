import { Global, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LocalStorage } from './local-storage';
import { S3Storage } from './s3-storage';
import { StorageService } from './storage.service';

/** The driver STORAGE_URL chooses. */
export function createStorage(config: AppConfig): StorageService {
  if (config.storage.type === 's3') return new S3Storage(config.storage);
  return new LocalStorage(config.dataDir, { recordings: config.recordings.dir });
}

/** Provides StorageService to every module. */
@Global()
@Module({
  providers: [
    {
      provide: StorageService,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const storage = createStorage(config);
        new Logger('Storage').log(`files are kept in ${storage.location}`);
        return storage;
      },
    },
  ],
  exports: [StorageService],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(private readonly storage: StorageService) {}

  onApplicationShutdown(): void {
    this.storage.close();
  }
}
