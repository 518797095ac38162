// Namespaced names (`decodeLedFrames`…) so they do not clash with the other device kinds' codecs.
export {
  LED_BROADCAST, LED_MAX_ADDRESS, LED_MIN_ADDRESS, LedCommand, boardText, defaultLedProfile,
  decodeFrames as decodeLedFrames, encodeAck as encodeLedAck, encodeBrightness as encodeLedBrightness,
  encodeClear as encodeLedClear, encodeFrame as encodeLedFrame, encodeShow as encodeLedShow,
  type LedFrame, type LedProfile,
} from './codec';
export * from './driver';
export * from '../sim/led';
