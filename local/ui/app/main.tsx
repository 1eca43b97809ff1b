// The console's shell: a header and a hash router (#/, #/pipelines/NAME, #/pipelines/NAME/edit, #/new), so that the
// server only ever serves /ui/ and the console works under any path prefix.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { Editor } from './Editor.js';
import { parseRoute } from './model.js';
import { PipelineList } from './PipelineList.js';
import { PipelinePage } from './PipelinePage.js';

function useRoute() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parseRoute(hash);
}

function App() {
  const route = useRoute();
  const [version, setVersion] = useState<string | undefined>(undefined);
  useEffect(() => {
    void api<{ version: string }>('GET', '/').then(
      (info) => setVersion(info.version),
      () => setVersion(undefined),
    );
  }, []);
  return (
    <>
      <header class="top">
        <a class="brand" href="#/">
          Sluice
        </a>
        <nav>
          <a href="#/">Pipelines</a>
          <a href="#/new">New pipeline</a>
        </nav>
        <span class="muted">{version ? `Kafka Connect API ${version}` : ''}</span>
      </header>
      <main>
        {route.page === 'pipeline' && route.name ? (
          <PipelinePage key={route.name} name={route.name} />
        ) : route.page === 'edit' && route.name ? (
          <Editor key={`edit:${route.name}`} name={route.name} />
        ) : route.page === 'new' ? (
          <Editor key="new" />
        ) : (
          <PipelineList />
        )}
      </main>
    </>
  );
}

const root = document.getElementById('app')!;
root.replaceChildren();
render(<App />, root);
