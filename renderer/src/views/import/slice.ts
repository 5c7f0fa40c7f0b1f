// Import: keys found lying in files, as main describes them — masked, by id. The secrets stay in
// main with the search; this slice holds the findings, the folders the user added, and what the
// last import and removal came to.
import { api, type CallArgs, type CallResult, type TaskArgs, type TaskResult, unwrap } from '../../api';
import type { Progress } from '../../store/tasks-slice';
import type { Slice } from '../../store/slice';
import type { UiSlice } from '../../store/ui-slice';

export type KeySearch = CallResult<'import.scan'>;
export type Finding = KeySearch['findings'][number];
export type ImportOutcome = TaskResult<'import.keys'>;
export type Placement = TaskArgs<'import.keys'>['placement'];
export type RemovalPreview = CallResult<'import.preview'>;
export type Removed = CallResult<'import.remove'>;

export interface ImportSlice {
  /** The last search; undefined before the first. */
  keySearch: KeySearch | undefined;
  searching: boolean;
  /** Folders searched besides the usual places (their .env files). */
  searchFolders: string[];
  importing: Progress | null;
  imported: ImportOutcome | undefined;
  removed: Removed | undefined;
  searchKeys(): Promise<void>;
  addSearchFolder(): Promise<void>;
  importFindings(ids: string[], placement: Placement, labels: Record<string, string>): Promise<void>;
  cancelImport(): void;
  previewRemoval(ids: string[]): Promise<RemovalPreview | undefined>;
  removeFromFiles(ids: string[]): Promise<boolean>;
}

let importTask: { cancel(): void } | undefined;

export const importSlice: Slice<ImportSlice, UiSlice> = (set, get) => {
  const search = async (folders: CallArgs<'import.scan'>['folders']) => {
    set({ searching: true });
    await get().attempt(async () => set({ keySearch: unwrap(await api().import.scan({ folders })) }));
    set({ searching: false });
  };
  return {
    keySearch: undefined,
    searching: false,
    searchFolders: [],
    importing: null,
    imported: undefined,
    removed: undefined,
    searchKeys: () => search(get().searchFolders),
    async addSearchFolder() {
      const folder = (await get().attemptValue(async () => unwrap(await api().import.chooseFolder())))
        ?.folder;
      if (!folder || get().searchFolders.includes(folder)) return;
      set((store) => ({ searchFolders: [...store.searchFolders, folder] }));
      await search(get().searchFolders);
    },
    async importFindings(ids, placement, labels) {
      if (importTask) return;
      set({ importing: { done: 0, total: 0 }, imported: undefined, removed: undefined });
      const task = api().import.keys(
        { ids, placement, labels },
        { onProgress: (importing) => set({ importing }) },
      );
      importTask = task;
      await get().attempt(async () => set({ imported: unwrap(await task.result) }));
      importTask = undefined;
      set({ importing: null });
      // What is stored now (and what may leave its file) is the search's to say.
      await search(get().searchFolders);
    },
    cancelImport: () => importTask?.cancel(),
    previewRemoval: (ids) => get().attemptValue(async () => unwrap(await api().import.preview({ ids }))),
    async removeFromFiles(ids) {
      const done = await get().attempt(async () =>
        set({ removed: unwrap(await api().import.remove({ ids })) }),
      );
      await search(get().searchFolders);
      return done;
    },
  };
};
