package io.jets.examples;

public final class Demo {
  public static void main(String[] args) {
    System.out.println("java " + Runtime.version());
  }
}
