// The exchanges feature's public surface: learning activities outside sessions and mentoring pairs.
export { LearningActivity } from './entities/learning-activity.entity';
export { MentoringPair } from './entities/mentoring-pair.entity';
export { ExchangesModule } from './exchanges.module';
export { ExchangesService } from './exchanges.service';
