// How a slice is written: zustand's StateCreator over the whole store, so a slice may read and
// call the others (a key action reports its error through the ui slice).
import type { StateCreator } from 'zustand';
import type { Store } from './index';

export type Slice<T> = StateCreator<Store, [], [], T>;
