// The recordings feature's public surface: the recording of a live room and the library.
export { Recording } from './entities/recording.entity';
export { RecordingsModule } from './recordings.module';
export { RecordingsService } from './recordings.service';
