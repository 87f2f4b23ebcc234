// The few parts of selenium-webdriver the WebKit walk uses (the package ships no types).
declare module 'selenium-webdriver' {
  export class Capabilities {
    set(key: string, value: unknown): this;
  }
  export interface WebDriver {
    get(url: string): Promise<void>;
    executeAsyncScript(script: string, ...args: unknown[]): Promise<unknown>;
    manage(): {
      setTimeouts(t: { script?: number; pageLoad?: number }): Promise<void>;
      window(): { setRect(r: { width: number; height: number }): Promise<unknown> };
    };
    quit(): Promise<void>;
  }
  export class Builder {
    usingServer(url: string): this;
    withCapabilities(c: Capabilities): this;
    build(): Promise<WebDriver>;
  }
}
declare module 'selenium-webdriver/remote/index.js' {
  interface Service {
    start(timeoutMs?: number): Promise<string>;
    kill(): Promise<void>;
  }
  interface ServiceBuilder {
    setLoopback(loopback: boolean): ServiceBuilder;
    setEnvironment(env: Record<string, string | undefined>): ServiceBuilder;
    build(): Service;
  }
  export const DriverService: { Builder: new (exe: string) => ServiceBuilder };
}
