/// A typed argument of a command, in the manner of swift-argument-parser's `@Option`,
/// `@Flag` and `@Argument`: how it is written (its `ArgumentSpec`, which help shows) and how
/// its text becomes a value of its type. A command declares each argument once and reads it
/// as `try arguments[Self.level]`; a default is written once, as text, shown in help and
/// converted like a given value.
package struct Argument<Value: Sendable>: Sendable {
    /// How the argument is written, as `ArgumentParser` and help see it.
    package let spec: ArgumentSpec
    private let read: @Sendable (ParsedArguments) throws(UsageError) -> Value

    private init(spec: ArgumentSpec, read: @escaping @Sendable (ParsedArguments) throws(UsageError) -> Value) {
        self.spec = spec
        self.read = read
    }

    /// The argument's value in `arguments`.
    /// - Throws: `UsageError.invalidValue` when its text does not convert, `.missingArgument`
    ///   when a required one is absent (which `ArgumentParser.parse` already reports).
    package func value(in arguments: ParsedArguments) throws(UsageError) -> Value {
        try read(arguments)
    }

    /// `text`, converted by `type` for the argument called `name`.
    private static func convert<T>(_ text: String, _ type: ArgumentType<T>, name: String) throws(UsageError) -> T {
        do {
            return try type.convert(text)
        } catch {
            throw .invalidValue(option: name, value: text, reason: error.reason)
        }
    }

    /// A required positional argument `<name>`.
    package static func positional(_ name: String, help: String, as type: ArgumentType<Value>) -> Argument {
        let spec = ArgumentSpec.positional(name, help: help)
        return Argument(spec: spec) { arguments throws(UsageError) in
            guard let text = arguments.value(name) else { throw .missingArgument(spec.synopsis) }
            return try convert(text, type, name: name)
        }
    }

    /// A required option `--name <valueName>`.
    package static func option(_ name: String, valueName: String, help: String, as type: ArgumentType<Value>) -> Argument {
        let spec = ArgumentSpec.option(name, valueName: valueName, help: help, required: true)
        return Argument(spec: spec) { arguments throws(UsageError) in
            guard let text = arguments.value(name) else { throw .missingArgument(spec.synopsis) }
            return try convert(text, type, name: name)
        }
    }

    /// An option `--name <valueName>` that takes `defaultValue` when not given.
    package static func option(_ name: String, valueName: String, help: String, default defaultValue: String,
                               as type: ArgumentType<Value>) -> Argument {
        Argument(spec: .option(name, valueName: valueName, help: help, default: defaultValue)) { arguments throws(UsageError) in
            try convert(arguments.value(name) ?? defaultValue, type, name: name)
        }
    }

    /// An optional option `--name <valueName>`: nil when not given.
    package static func optional<T>(_ name: String, valueName: String, help: String, as type: ArgumentType<T>) -> Argument<T?>
        where Value == T? {
        Argument<T?>(spec: .option(name, valueName: valueName, help: help)) { arguments throws(UsageError) in
            guard let text = arguments.value(name) else { return nil }
            return try convert(text, type, name: name)
        }
    }

    /// A repeatable option `--name <valueName>`: every value given, in order.
    package static func repeating<T>(_ name: String, valueName: String, help: String, as type: ArgumentType<T>) -> Argument<[T]>
        where Value == [T] {
        Argument<[T]>(spec: .option(name, valueName: valueName, help: help, repeating: true)) { arguments throws(UsageError) in
            var values: [T] = []
            for text in arguments.values(name) { values.append(try convert(text, type, name: name)) }
            return values
        }
    }

    /// A flag `--name`: whether it was given.
    package static func flag(_ name: String, help: String) -> Argument<Bool> where Value == Bool {
        Argument<Bool>(spec: .flag(name, help: help)) { arguments in arguments.flag(name) }
    }
}

/// How an argument's text becomes a value: a conversion that either gives the value or says,
/// for the usage message, what was expected.
package struct ArgumentType<T: Sendable>: Sendable {
    /// Why a text is not a value of the type.
    package struct Invalid: Error {
        package let reason: String

        package init(_ reason: String) {
            self.reason = reason
        }
    }

    package let convert: @Sendable (String) throws(Invalid) -> T

    package init(_ convert: @escaping @Sendable (String) throws(Invalid) -> T) {
        self.convert = convert
    }
}

extension ArgumentType where T == String {
    /// The text as given.
    package static var text: ArgumentType { ArgumentType { $0 } }
}

extension ArgumentType where T == Int {
    /// A whole number in `range`.
    package static func integer(in range: ClosedRange<Int>) -> ArgumentType {
        ArgumentType { text throws(Invalid) in
            guard let n = Int(text), range.contains(n) else {
                throw Invalid("give a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        }
    }
}

extension ParsedArguments {
    /// The value of a typed argument.
    package subscript<Value>(_ argument: Argument<Value>) -> Value {
        get throws(UsageError) { try argument.value(in: self) }
    }
}
