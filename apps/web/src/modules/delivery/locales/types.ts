import type { deliveryZhCN } from './zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language must fill: the keys of the Simplified Chinese reference. */
export type DeliveryResources = Widen<typeof deliveryZhCN>;
