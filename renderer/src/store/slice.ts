// How a slice is written (zustand's slices pattern): a StateCreator of its own state and of the
// slices it uses besides (`Uses`: most report through the ui slice), so each slice names what it
// needs and none imports the store it is part of. The store (index.ts) is their sum.
import type { StateCreator } from 'zustand';

export type Slice<T, Uses = object> = StateCreator<T & Uses, [], [], T>;
