import { Module } from '@nestjs/common';
import { WorkerPool } from './worker-pool';

/** The mediasoup workers; a live session's media is a MediaRoom on this pool (see index.ts). */
@Module({ providers: [WorkerPool], exports: [WorkerPool] })
export class MediaModule {}
