// The captions feature's public surface: the speech engines (swappable by CAPTIONS_ENGINE) and the way from a
// microphone's producer to one of them. The caption role and the room's caption lines are a live part
// (live/captions.ts).
export {
  CAPTIONS_ENGINES,
  type CaptionEngine,
  type CaptionsConfig,
  type CaptionsEngineName,
  type CaptionStream,
  createEngine,
  HttpEngine,
  PocketsphinxEngine,
  SAMPLE_RATE,
  Utterances,
  wav,
} from './engine';
export { SpeakerAudio } from './speaker-audio';
export { webVtt, type VttCue } from './webvtt';
