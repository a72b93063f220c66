// The sessions feature's public surface: the calendar and agenda other features build on.
export { AgendaItem } from './entities/agenda-item.entity';
export { EchoSession } from './entities/echo-session.entity';
export { SessionSeries } from './entities/session-series.entity';
export { SessionEvents } from './session-events';
export { SessionsModule } from './sessions.module';
export { SessionsService } from './sessions.service';
