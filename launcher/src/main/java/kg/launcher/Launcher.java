package kg.launcher;
public final class Launcher { public static void main(String[] a) {} }
