import { useEffect, useState } from 'preact/hooks';
import { describeStorage, type StorageFacts } from '@/lib/library/storage';

/**
 * Asks the browser to keep the library (navigator.storage.persist(): a document API, absent from the service
 * worker, which is why this page asks) and shows the usage it reports. The manifest's `unlimitedStorage` lifts
 * the quota; persistence is what keeps the browser from evicting the data when the disk runs low.
 */
async function readStorage(): Promise<StorageFacts> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage) return {};
  const persisted = (await storage.persisted?.()) || (await storage.persist?.());
  const { usage, quota } = await storage.estimate();
  return { usage, quota, persisted };
}

export function StorageStatus() {
  const [facts, setFacts] = useState<StorageFacts>();
  useEffect(() => {
    void readStorage().then(setFacts, () => setFacts({}));
  }, []);
  const used = facts?.usage !== undefined && facts.quota ? facts.usage / facts.quota : undefined;
  return (
    <section class="storage" aria-label="Storage">
      {used !== undefined && <meter aria-label="Storage used" min={0} max={1} value={used} />}
      <span class="usage">{facts ? describeStorage(facts) : 'Storage used: …'}</span>
    </section>
  );
}
