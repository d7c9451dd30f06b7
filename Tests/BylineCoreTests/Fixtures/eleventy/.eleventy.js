module.exports = function () { return { dir: { input: "." } }; };
