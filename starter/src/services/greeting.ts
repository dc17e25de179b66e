/** An example service: registered as `greetingService` because of its file name. */
export default class GreetingService {
  greet(name: string): string {
    return `Welcome to the store, ${name}`;
  }
}

// The container knows it by this name: `req.scope.resolve("greetingService")` is typed.
declare module "kiosk" {
  interface KioskServices {
    greetingService: GreetingService;
  }
}
