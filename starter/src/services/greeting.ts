/** An example service: registered as `greetingService` because of its file name. */
export default class GreetingService {
  greet(name: string): string {
    return `Welcome to the store, ${name}`;
  }
}
