export type { Activity, SimulationContext } from './Activity.js';
export { BASIC_ACTIVITIES, goAway, joinLeave, statusChange } from './basicActivities.js';
export { botProfile, BOT_STATUSES, type BotProfileOptions, type BotState } from './botProfiles.js';
export {
  createLoopbackWorld,
  type LoopbackWorld,
  type NetworkSwitch,
} from './createLoopbackWorld.js';
export { deafTransport, hearFrame, type SocketConstructor } from './deafTransport.js';
export { createRandom, type Random } from './random.js';
export { normalizeScript, QUIET_SCRIPT, type Script } from './Script.js';
export { SimulatedUser, type ClientFactory, type ErrorSink } from './SimulatedUser.js';
export { Simulation, type SimulationOptions } from './Simulation.js';
export { Timers } from './Timers.js';
export { createTypingActivity, type TypingScriptOptions } from './typingActivity.js';
export { CHAT_EVENT, readChatLine, sendChatLine, type ChatLine } from './chat.js';
export { createSeatActivities, type SeatScriptOptions } from './seatActivity.js';
export { UserModels, type SeatModelOptions } from './UserModels.js';
