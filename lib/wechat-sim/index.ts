export { startWechatSimulator, type WechatSimulator, type WechatSimulatorOptions } from "./simulator";
export type { CallbackMode, CallbackTarget } from "./callback";
export type { DeliverInput, SimDelivery } from "./delivery";
export type { SimFaults, SimFaultsInput } from "./faults";
export { DEFAULT_SIM_USERS, simOpenid, type SimUser, type SimUserInput } from "./users";
export type { SimChatEntry, SimStats, SimTemplateMessage } from "./world";
